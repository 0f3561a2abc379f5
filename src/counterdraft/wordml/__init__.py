"""All of OOXML lives in this package; the rest of counterdraft speaks of paragraphs, texts and changes."""
