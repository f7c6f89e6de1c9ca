"""Structure of a document: outline, sentences, tokens."""
