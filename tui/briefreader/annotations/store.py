"""The user's work: tags, notes and highlights per article, the library's folders, undo.

Every change is on disk (an fsynced journal line) the moment its method returns, so
quitting, a crash or a second instance never costs more than the change in flight. The UI
and the CLI both go through this class; neither touches TinyDB directly.

The class is the top of three layers: journal.JournaledTables opens the file and records
every write for undo, correction_store.CorrectionTables keeps the entity corrections, and
this module says what tags, notes, highlights, marks and library folders are made of. The
values it hands out (Annotation, Highlight, ArticleRef, ...) are in annotations.model.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from tinydb import Query

from briefreader.annotations.anchors import attach, quote
from briefreader.annotations.correction_store import CorrectionTables
from briefreader.annotations.journal import now, shorten
from briefreader.annotations.model import (
    Annotation,
    ArticleRef,
    AttachedHighlight,
    Highlight,
    ReadingState,
)
from briefreader.annotations.tags import TagEdit, normalise_tag, tag_key


class AnnotationStore(CorrectionTables):
    """Tags, notes, highlights and library folders in one TinyDB file, with undo/redo."""

    # -- reading -----------------------------------------------------------------------

    def annotation(self, article_id: str) -> Annotation:
        """The annotation for an article, empty when it has none."""
        doc = self._get("annotations", "article_id", article_id)
        return Annotation(article_id) if doc is None else Annotation.from_doc(doc)

    def annotations(self) -> list[Annotation]:
        """All articles that have any tag or note, oldest change first."""
        found = [Annotation.from_doc(dict(doc)) for doc in self._tables["annotations"].all()]
        return sorted((a for a in found if not a.is_empty), key=lambda a: a.updated)

    def annotation_map(self) -> dict[str, Annotation]:
        """Every stored annotation by article id, read in one pass for building long lists."""
        found = (Annotation.from_doc(dict(doc)) for doc in self._tables["annotations"].all())
        return {a.article_id: a for a in found}

    def annotated_ids(self) -> set[str]:
        """Ids of articles with any work on them: tags, a note, a highlight or a star.

        The library keeps such articles listed even when their folder is no longer one of
        the library's (the bundled samples, once the user adds a folder of their own).
        """
        ids: set[object] = {a.article_id for a in self.annotations()}
        for table in ("highlights", "stars"):
            ids.update(doc.get("article_id") for doc in self._tables[table].all())
        return {i for i in ids if isinstance(i, str)}

    def highlight_counts(self) -> Counter[str]:
        """How many highlights each article has, for the list's marks and filters."""
        return Counter(
            str(doc["article_id"])
            for doc in self._tables["highlights"].all()
            if doc.get("article_id") is not None
        )

    def tag_counts(self) -> Counter[str]:
        """How many articles carry each tag, under the spelling first used."""
        counts: Counter[str] = Counter()
        spelling: dict[str, str] = {}
        for annotation in self.annotations():
            for tag in annotation.tags:
                counts[spelling.setdefault(tag_key(tag), tag)] += 1
        return counts

    def highlights(self, article_id: str) -> list[Highlight]:
        """An article's highlights in reading order of where they were made."""
        docs = self._tables["highlights"].search(Query().article_id == article_id)
        found = [Highlight.from_doc(dict(doc)) for doc in docs]
        return sorted(found, key=lambda h: (h.selector.start, h.created))

    def all_highlights(self) -> dict[str, list[Highlight]]:
        """Every highlight by article, in reading order: for exports and backups."""
        found: dict[str, list[Highlight]] = {}
        for doc in self._tables["highlights"].all():
            highlight = Highlight.from_doc(dict(doc))
            found.setdefault(highlight.article_id, []).append(highlight)
        for highlights in found.values():
            highlights.sort(key=lambda h: (h.selector.start, h.created, h.id))
        return found

    def merge_highlight(self, incoming: Highlight) -> bool:
        """Restore a highlight from a backup by its id: added, or updated when it differs."""
        current = self._get("highlights", "id", incoming.id)
        if current is not None and Highlight.from_doc(current) == incoming:
            return False
        with self._recording("import highlight") as changes:
            self._put(changes, "highlights", "id", incoming.id, incoming.as_doc())
        return True

    def merge_star(self, article_id: str) -> bool:
        """Star from a backup; an article already starred stays as it is."""
        if self.reading_state(article_id).starred:
            return False
        self.toggle_star([article_id])
        return True

    def attached_highlights(self, article_id: str, text: str) -> list[AttachedHighlight]:
        """Highlights placed on the article's current text; orphans keep span None."""
        return [AttachedHighlight(h, attach(h.selector, text)) for h in self.highlights(article_id)]

    # -- changing annotations ------------------------------------------------------------

    def edit_tags(self, refs: list[ArticleRef], edit: TagEdit) -> int:
        """Add and remove tags on many articles as one undoable step; returns how many changed."""
        # Every way in (keys, CLI, import, scripts) stores a tag the same way.
        add = [t for t in map(normalise_tag, edit.add) if t]
        remove = [t for t in map(normalise_tag, edit.remove) if t]

        def change(annotation: Annotation) -> None:
            removed = {tag_key(t) for t in remove}
            tags = [t for t in annotation.tags if tag_key(t) not in removed]
            present = {tag_key(t) for t in tags}
            for tag in add:
                if tag_key(tag) not in present:
                    tags.append(tag)
                    present.add(tag_key(tag))
            annotation.tags = tags

        return self._apply(refs, change, _describe_edit(edit))

    def toggle_tag(self, ref: ArticleRef, tag: str) -> bool:
        """Quick-tag key: add the tag if missing, else remove it; returns whether it is now set."""
        has = tag_key(tag) in {tag_key(t) for t in self.annotation(ref.id).tags}
        edit = TagEdit(add=(), remove=(tag,)) if has else TagEdit(add=(tag,), remove=())
        self.edit_tags([ref], edit)
        return not has

    def set_note(self, ref: ArticleRef, note: str) -> bool:
        """Replace the article's note; returns False (and records nothing) when unchanged."""
        if self.annotation(ref.id).note == note:
            return False

        def change(annotation: Annotation) -> None:
            annotation.note = note

        return bool(self._apply([ref], change, "edit note"))

    def merge(self, incoming: Annotation) -> bool:
        """Merge an imported annotation: tags are united, a different note is appended.

        An article with no local annotation takes the imported one as it was, timestamps
        included, so export → import → export gives the same file.
        """
        current = self.annotation(incoming.article_id)
        tags = list(current.tags)
        keys = {tag_key(t) for t in tags}
        for raw in incoming.tags:
            tag = normalise_tag(raw)
            if tag and tag_key(tag) not in keys:
                tags.append(tag)
                keys.add(tag_key(tag))
        note = current.note
        if incoming.note.strip() and incoming.note.strip() not in note:
            note = f"{note.rstrip()}\n\n{incoming.note}" if note.strip() else incoming.note
        if tags == current.tags and note == current.note:
            return False
        ref = ArticleRef(
            incoming.article_id,
            incoming.title,
            incoming.path,
            incoming.date,
            incoming.place,
            incoming.agency,
        )

        def change(annotation: Annotation) -> None:
            annotation.tags, annotation.note = tags, note

        fresh = current.is_empty and bool(incoming.updated)
        stamps = (incoming.created or incoming.updated, incoming.updated) if fresh else None
        return bool(self._apply([ref], change, "import", stamps))

    def _apply(
        self,
        refs: list[ArticleRef],
        change: Callable[[Annotation], None],
        description: str,
        stamps: tuple[str, str] | None = None,
    ) -> int:
        changed = 0
        with self._recording(description) as changes:
            for ref in refs:
                annotation = self.annotation(ref.id)
                original = (list(annotation.tags), annotation.note)
                change(annotation)
                if (annotation.tags, annotation.note) == original:
                    continue
                annotation.title = ref.title or annotation.title
                annotation.path = ref.path or annotation.path
                annotation.date = ref.date or annotation.date
                annotation.place = ref.place or annotation.place
                annotation.agency = ref.agency or annotation.agency
                if stamps is not None:
                    annotation.created, annotation.updated = stamps
                else:
                    annotation.updated = now()
                    annotation.created = annotation.created or annotation.updated
                doc = None if annotation.is_empty else annotation.as_doc()
                self._put(changes, "annotations", "article_id", ref.id, doc)
                changed += 1
        return changed

    def rename_tag(self, old: str, new: str) -> int:
        """Rename a tag on every article (merging into `new` where it exists), one undo step.

        `old` also matches as stored, so a tag an older version kept unnormalised (such as
        '#', left by a control character) can still be renamed into a real one.
        """
        old_keys = {tag_key(old), tag_key(normalise_tag(old))} - {""}
        new_tag = normalise_tag(new)
        if not old_keys or not new_tag:
            return 0
        refs = [
            ArticleRef(a.article_id)
            for a in self.annotations()
            if any(tag_key(t) in old_keys for t in a.tags)
        ]

        def change(annotation: Annotation) -> None:
            renamed = [new_tag if tag_key(t) in old_keys else t for t in annotation.tags]
            annotation.tags = list({tag_key(t): t for t in reversed(renamed)}.values())[::-1]

        return self._apply(refs, change, f"rename #{old} to #{new_tag}")

    def move_article(self, old_id: str, new_id: str) -> bool:
        """Carry everything from an article's old id to its new one (its file was edited).

        Tags and notes merge into whatever the new id already has, highlights and marks
        follow (their quotes re-attach to the new text, or are listed as orphans), and the
        old id keeps nothing. One undo step.
        """
        if old_id == new_id:
            return False
        old = self.annotation(old_id)
        highlights = self.highlights(old_id)
        state = self.reading_state(old_id)
        if old.is_empty and not highlights and state == ReadingState():
            return False
        with self._recording("file edited: annotations follow") as changes:
            if not old.is_empty:
                current = self.annotation(new_id)
                moved = Annotation.from_doc({**old.as_doc(), "article_id": new_id})
                if not current.is_empty:
                    moved.tags = current.tags + [
                        t for t in old.tags if tag_key(t) not in {tag_key(c) for c in current.tags}
                    ]
                    notes = [n for n in (current.note.strip(), old.note.strip()) if n]
                    moved.note = "\n\n".join(dict.fromkeys(notes))
                self._put(changes, "annotations", "article_id", new_id, moved.as_doc())
                self._put(changes, "annotations", "article_id", old_id, None)
            for highlight in highlights:
                doc = {**highlight.as_doc(), "article_id": new_id}
                self._put(changes, "highlights", "id", highlight.id, doc)
            for table in ("reading", "stars"):
                row = self._get(table, "article_id", old_id)
                if row is not None:
                    if self._get(table, "article_id", new_id) is None:
                        self._put(
                            changes, table, "article_id", new_id, {**row, "article_id": new_id}
                        )
                    self._put(changes, table, "article_id", old_id, None)
        return True

    # -- reading state -----------------------------------------------------------------

    def reading_state(self, article_id: str) -> ReadingState:
        """Read and starred marks of one article."""
        return ReadingState(
            read=self._get("reading", "article_id", article_id) is not None,
            starred=self._get("stars", "article_id", article_id) is not None,
        )

    def reading_states(self) -> dict[str, ReadingState]:
        """Every article's marks at once, for building a long list without a lookup per row."""
        read = {doc.get("article_id") for doc in self._tables["reading"].all()}
        starred = {doc.get("article_id") for doc in self._tables["stars"].all()}
        return {
            article_id: ReadingState(article_id in read, article_id in starred)
            for article_id in (read | starred)
            if isinstance(article_id, str)
        }

    def set_read(self, article_id: str, read: bool = True) -> bool:
        """Mark opened (or unread again); not an annotation, so not on the undo journal."""
        if self.reading_state(article_id).read == read:
            return False
        doc = {"article_id": article_id, "read_at": now()} if read else None
        with self._changing():
            self._write_doc("reading", "article_id", article_id, doc)
        return True

    def toggle_star(self, article_ids: list[str]) -> bool:
        """Star the articles (unstar when all are starred already); one undo step."""
        star = not all(self.reading_state(i).starred for i in article_ids)
        with self._recording("star" if star else "unstar") as changes:
            for article_id in article_ids:
                had = self._get("stars", "article_id", article_id)
                doc = (had or {"article_id": article_id, "starred_at": now()}) if star else None
                self._put(changes, "stars", "article_id", article_id, doc)
        return star

    # -- highlights --------------------------------------------------------------------

    def add_highlight(
        self, ref: ArticleRef, text: str, start: int, end: int, colour: str, comment: str = ""
    ) -> Highlight:
        """Highlight text[start:end] of an article; anchored by quote, context and offsets."""
        highlight = Highlight(
            id=uuid.uuid4().hex[:12],
            article_id=ref.id,
            selector=quote(text, start, end),
            colour=colour,
            comment=comment,
            created=now(),
        )
        with self._recording(f"highlight “{shorten(highlight.selector.exact)}”") as changes:
            self._put(changes, "highlights", "id", highlight.id, highlight.as_doc())
        return highlight

    def set_highlight_comment(self, highlight_id: str, comment: str) -> bool:
        """Attach or change the comment on a highlight."""
        doc = self._get("highlights", "id", highlight_id)
        if doc is None or doc.get("comment") == comment:
            return False
        with self._recording("comment on highlight") as changes:
            self._put(changes, "highlights", "id", highlight_id, {**doc, "comment": comment})
        return True

    def delete_highlight(self, highlight_id: str) -> bool:
        """Remove a highlight; undo brings it back."""
        if self._get("highlights", "id", highlight_id) is None:
            return False
        with self._recording("delete highlight") as changes:
            self._put(changes, "highlights", "id", highlight_id, None)
        return True

    # -- library folders -----------------------------------------------------------------

    def sources(self) -> list[Path]:
        """Files and folders the user added, in the order added."""
        docs = self._tables["library"].all()
        return [Path(doc["path"]) for doc in docs if isinstance(doc.get("path"), str)]

    def add_source(self, path: Path) -> bool:
        """Remember a file or folder; returns False when it (or a folder holding it) is known."""
        resolved = path.resolve()
        for known in self.sources():
            if resolved == known or known in resolved.parents:
                return False
        with self._changing():
            self._tables["library"].insert({"path": str(resolved), "added": now()})
        return True


def _describe_edit(edit: TagEdit) -> str:
    parts = [f"+{t}" for t in edit.add] + [f"-{t}" for t in edit.remove]
    return "tag " + " ".join(parts)
