"""The answers receiver: the small service the static site's forms post to."""
