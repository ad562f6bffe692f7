"""Entity mentions in the reader: step through them (] and [), correct them, list them.

A correction (not an entity, another label, an alias, a missed name) is saved for every
article and this one is shown again with it applied; E lists the article's entities with
their reach across the library.
"""

from __future__ import annotations

from briefreader.entities.colours import LEGEND_NAMES, colour_of
from briefreader.entities.corrections import ADD, ALIAS, REJECT, RELABEL, Correction
from briefreader.entities.index import EntityIndex, name_key
from briefreader.entities.types import Entity
from briefreader.textsafety import one_line
from briefreader.ui.messages import ArticleEdited, CorrectionsChanged, FilterByEntity
from briefreader.ui.screens.dialogs import TextPrompt
from briefreader.ui.screens.reader.page import ReaderPage
from briefreader.ui.widgets.entity_content import (
    entity_style,
)
from briefreader.ui.widgets.entity_panel import EntityChoice, EntityPanel


class EntityKeys(ReaderPage):
    """`]`/`[`, d, l, a, m and E: entity mentions and their corrections."""

    def action_step_entity(self, step: int) -> None:
        """`]`/`[`: the next/previous entity mention, from the current one or the screen top."""
        shown = self.shown_entities()
        if not shown:
            self.host.say("No entities were recognised in this article")
            return
        if self.current_entity in shown:
            position = shown.index(self.current_entity)
            index = shown[(position + step) % len(shown)]
        else:
            top = self.top_offset()
            after = [i for i in shown if self.entities[i].start >= top]
            if step > 0:
                index = after[0] if after else shown[0]
            else:
                index = shown[max(0, shown.index(after[0]) - 1)] if after else shown[-1]
        self.go_to_entity(index)

    def go_to_entity(self, index: int) -> None:
        """Mark one entity mention and bring it into view."""
        self.current_entity = index
        self.scroll_to_offset(self.entities[index].start)
        self.render_blocks()

    def _correct(self, correction: Correction, said: str, scope: str = "in every article") -> None:
        """Save a correction for every article and show this one with it applied.

        `said` is what the correction means ("“LNG” is not an entity"); the scope is
        added here once, so no message says it twice.
        """
        store = self.host.session.store
        store.add_correction(correction)
        self.reload_entities()
        self.post_message(CorrectionsChanged())
        self.host.say(f"{said}, {scope}; u undoes it")

    def reload_entities(self) -> None:
        """Entities again from the library, so corrections (or their undo) show at once."""
        current, article, entities = self.host.session.library.open(self.summary)
        if current.id != self.summary.id:  # the file was edited while it was open
            self.post_message(ArticleEdited(self.summary.id, current))
            self.show_article(current, article, entities)
            return
        self.show_entities(entities)

    def show_entities(self, entities: list[Entity]) -> None:
        """Draw the article with these entities (after a correction, or a model loaded)."""
        keep = self.current_entity
        self.entities = entities
        self.current_entity = None if keep is None or keep >= len(self.entities) else keep
        self._drawn.clear()
        self.render_blocks()

    def _entity_here(self) -> Entity | None:
        if self.current_entity is None or self.current_entity >= len(self.entities):
            self.host.say("Move to an entity first with ] or [", "warning")
            return None
        return self.entities[self.current_entity]

    def action_reject_entity(self) -> None:
        """`d` on an entity: this name is not an entity, here or anywhere."""
        entity = self._entity_here()
        if entity is not None:
            self._correct(
                Correction(REJECT, entity.text),
                f"“{one_line(entity.text)}” is not an entity",
                scope="in any article",
            )

    def action_relabel_entity(self) -> None:
        """`l` on an entity: the next label (person → organisation → place → date)."""
        entity = self._entity_here()
        if entity is None:
            return
        labels = list(LEGEND_NAMES)
        label = (
            labels[(labels.index(entity.label) + 1) % len(labels)]
            if entity.label in labels
            else labels[0]
        )
        self._correct(
            Correction(RELABEL, entity.text, label=label),
            f"“{one_line(entity.text)}” is {_a(LEGEND_NAMES[label])}",
        )

    def action_alias_entity(self) -> None:
        """`a` on an entity: the same as another name ("Shoigu" → "Sergey Shoigu")."""
        entity = self._entity_here()
        if entity is None:
            return

        def done(canonical: str | None) -> None:
            if canonical and canonical.strip() and name_key(canonical) != name_key(entity.text):
                self._correct(
                    Correction(ALIAS, entity.text, canonical=canonical.strip()),
                    f"“{one_line(entity.text)}” counts as “{one_line(canonical.strip())}”",
                )

        self.app.push_screen(
            TextPrompt(f"“{one_line(entity.text)}” is another name for:", entity.text),
            self.host.guard(done),
        )

    def action_mark_entity(self) -> None:
        """`m` while selecting: the selected words are an entity the recognizer missed."""
        if self.selection is None:
            return
        start, end = self.selection
        name = " ".join(self.article.text[start:end].split())
        if not name:
            return

        def done(answer: str | None) -> None:
            label = (answer or "").strip().upper()
            label = {"ORGANISATION": "ORG", "ORGANIZATION": "ORG"}.get(label, label)
            if label not in LEGEND_NAMES:
                if answer is not None:
                    self.host.say("Labels are PERSON, ORG, PLACE or DATE", "warning")
                return
            self.selection = None
            self.refresh_bindings()
            self._correct(
                Correction(ADD, name, label=label),
                f"“{one_line(name)}” is {_a(LEGEND_NAMES[label])}",
            )

        self.app.push_screen(
            TextPrompt(f"“{one_line(name)}” is a PERSON, ORG, PLACE or DATE:", "PERSON"),
            self.host.guard(done),
        )

    def action_entities(self) -> None:
        """`E`: the article's entities, their counts, reach and company in the library."""
        app = self.host
        dark = self.app.current_theme.dark
        colours = {label: colour_of(entity_style(dark), label) for label in LEGEND_NAMES}

        def chosen(choice: EntityChoice | None) -> None:
            if choice is None:
                return
            if choice.action == "filter":
                self.post_message(FilterByEntity(choice.name))
                return
            key = name_key(choice.name)
            for index, entity in enumerate(self.entities):
                if name_key(entity.text) == key:
                    self.go_to_entity(index)
                    return

        def show(index: EntityIndex) -> None:
            self.app.push_screen(EntityPanel(self.entities, index, colours), app.guard(chosen))

        app.with_entity_index(show)


def _a(noun: str) -> str:
    """'a person', 'an organisation': messages read as sentences."""
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"
