"""Run the real program in a pseudo-terminal and capture every byte it writes to it.

Pilot checks widgets; only a real terminal shows whether an escape sequence from an
article reaches the user's screen.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import termios
import time

Step = tuple[bytes, bytes]  # when this appears in the output, type that


def drive_in_pty(
    args: list[str],
    env: dict[str, str],
    steps: list[Step],
    size: tuple[int, int] = (100, 30),
    timeout: float = 60.0,
) -> tuple[bytes, list[Step]]:
    """Run `args` on a terminal of `size`, typing each step's keys once its text shows.

    Returns everything written to the terminal and the steps that never fired.
    """
    master, slave = pty.openpty()
    columns, rows = size
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    process = subprocess.Popen(
        args, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    output = bytearray()
    pending = list(steps)
    seen_until = 0
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # the program closed the terminal
                    break
                if not chunk:
                    break
                output += chunk
            if pending and pending[0][0] in output[seen_until:]:
                seen_until = len(output)
                time.sleep(0.3)  # let the screen settle before typing
                os.write(master, pending.pop(0)[1])
            if process.poll() is not None and not ready:
                break
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
        os.close(master)
    return bytes(output), pending
