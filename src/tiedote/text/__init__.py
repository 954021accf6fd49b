"""Length-preserving text: normalisation, sentences, tokens, lemmas."""
