"""The site audit: every link, anchor and image of a built static site."""
