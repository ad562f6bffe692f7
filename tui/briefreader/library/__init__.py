"""The set of articles: folders, the index of summaries, filtering and listing."""
