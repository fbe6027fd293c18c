"""The public pages: start, pledge list, pledge, document, feeds and open data."""
