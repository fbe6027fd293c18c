"""The parts of the `code` stage: area and CAP topic, kind, testability, quantities, places."""
