"""String tables of single pages: each module has ``EN`` and ``ZH`` dicts."""
