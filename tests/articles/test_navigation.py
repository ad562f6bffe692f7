"""Pure reader logic: finding, word and sentence motions, offsets, drafts, colour config."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from briefreader.annotations.drafts import NoteDrafts
from briefreader.articles import navigation
from briefreader.config import DEFAULT_HIGHLIGHT_MEANINGS, load_config

TEXT = 'Hello world. This is "it!" And more\n\nNext para here. Last one'
BLOCKS = [(0, 35), (37, len(TEXT))]


def test_find_is_case_insensitive_in_reading_order_and_stays_in_blocks():
    assert navigation.find_matches(TEXT, "HERE", BLOCKS) == [
        (TEXT.index("here"), TEXT.index("here") + 4)
    ]
    assert [TEXT[s:e] for s, e in navigation.find_matches(TEXT, "e", BLOCKS)][:2] == ["e", "e"]
    assert navigation.find_matches(TEXT, "more next", BLOCKS) == []  # never across blocks
    assert navigation.find_matches(TEXT, "   ", BLOCKS) == []
    assert navigation.find_matches("a  b\nc", "b c", [(0, 6)]) == [(3, 6)]  # any whitespace
    assert navigation.find_matches("[x] (y)", "[x]", [(0, 7)]) == [(0, 3)]  # not a regex


def test_match_after_wraps_to_the_first():
    matches = [(5, 6), (10, 11)]
    assert navigation.match_after(matches, 0) == 0
    assert navigation.match_after(matches, 7) == 1
    assert navigation.match_after(matches, 20) == 0


def test_word_motions():
    assert navigation.word_at(TEXT, 2, BLOCKS) == (0, 5)
    assert navigation.word_at(TEXT, 5, BLOCKS) == (6, 12)  # on a space: the next word
    end = navigation.extend_by_word(TEXT, 0, 5, BLOCKS)
    assert TEXT[:end] == "Hello world."
    assert TEXT[: navigation.shrink_by_word(TEXT, 0, end, BLOCKS)] == "Hello"
    assert navigation.shrink_by_word(TEXT, 0, 5, BLOCKS) == 5  # never below the first word
    assert navigation.extend_by_word(TEXT, 50, len(TEXT), BLOCKS) == len(TEXT)


def test_sentence_motions_stop_at_punctuation_quotes_and_paragraph_ends():
    first = navigation.extend_by_sentence(TEXT, 0, 5, BLOCKS)
    assert TEXT[:first] == "Hello world."
    second = navigation.extend_by_sentence(TEXT, 0, first, BLOCKS)
    assert TEXT[:second] == 'Hello world. This is "it!"'
    third = navigation.extend_by_sentence(TEXT, 0, second, BLOCKS)
    assert TEXT[:third] == 'Hello world. This is "it!" And more'  # the paragraph's end
    assert navigation.shrink_by_sentence(TEXT, 0, third, BLOCKS) == second
    assert navigation.shrink_by_sentence(TEXT, 0, first, BLOCKS) == 5


def test_move_end_and_trim():
    assert navigation.move_end(TEXT, 0, 5, -10, BLOCKS) == 1
    assert navigation.move_end(TEXT, 0, len(TEXT), 3, BLOCKS) == len(TEXT)
    assert navigation.trimmed("  ab \n", 0, 6) == (2, 4)


def test_offset_in_block_maps_line_and_column_back():
    block = "first line\nsecond\u2028third"
    assert navigation.offset_in_block(block, 0, 6) == 6
    assert block[navigation.offset_in_block(block, 1, 0) :].startswith("second")
    assert block[navigation.offset_in_block(block, 2, 1) :] == "hird"
    assert navigation.offset_in_block(block, 1, 99) == block.index("\u2028")
    assert navigation.offset_in_block(block, 9, 0) == len(block)


@given(st.text(), st.integers(0, 200), st.integers(-5, 5))
def test_motions_always_stay_inside_the_text(text, position, step):
    if not text:
        return
    blocks = [(0, len(text))]
    word = navigation.word_at(text, position, blocks)
    if word is None:
        return
    start, end = word
    assert 0 <= start < end <= len(text)
    for motion in (
        navigation.extend_by_word,
        navigation.shrink_by_word,
        navigation.extend_by_sentence,
        navigation.shrink_by_sentence,
    ):
        assert start < motion(text, start, end, blocks) <= len(text)
    assert start < navigation.move_end(text, start, end, step, blocks) <= len(text)


def test_progress():
    assert navigation.progress(0, 0) == 100
    assert navigation.progress(0, 40) == 0
    assert navigation.progress(10, 40) == 25
    assert navigation.progress(50, 40) == 100


def test_drafts_round_trip_and_discard(tmp_path: Path):
    drafts = NoteDrafts(tmp_path / "drafts")
    assert drafts.load("abc") is None
    drafts.save("abc", "typed")
    drafts.save("abc", "typed more")
    assert drafts.load("abc") == "typed more"
    drafts.save("../evil", "x")  # an id never escapes the folder
    assert not (tmp_path / "evil.md").exists()
    drafts.discard("abc")
    drafts.discard("abc")
    assert drafts.load("abc") is None


def test_highlight_meanings_from_config(tmp_path: Path):
    config = tmp_path / "config.toml"
    assert load_config(config).config.highlight_meanings == DEFAULT_HIGHLIGHT_MEANINGS
    config.write_text('[highlights]\nyellow = "key point"\npurple = "x"\nred = 3\nblue = " "\n')
    result = load_config(config)
    meanings = result.config.highlight_meanings
    assert meanings["yellow"] == "key point" and meanings["red"] == "quote"
    assert any("'purple'" in p and "yellow, green, blue, red" in p for p in result.problems)
    assert any("highlights.red = 3" in p for p in result.problems)
    assert any("highlights.blue = ' '" in p for p in result.problems)
    config.write_text('highlights = "yellow"\n')
    assert any("[highlights] must be a table" in p for p in load_config(config).problems)
