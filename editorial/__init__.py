"""Editorial tools in the Wagtail admin: sections, photos, authors, review workflow."""
