"""Archives: walking folders and zips, analysing each document once into SQLite, searching and counting."""
