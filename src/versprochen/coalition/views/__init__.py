"""The coalition wing's pages: members only, German first, no JavaScript needed."""
