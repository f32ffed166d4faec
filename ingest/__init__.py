"""Article -> facts: read, clean, recognise, link, extract, resolve."""
