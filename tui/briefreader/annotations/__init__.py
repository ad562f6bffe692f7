"""The user's work kept safe: the TinyDB store, its journal, tags, anchors, drafts."""
