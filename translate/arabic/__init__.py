"""Arabic text handling: normalisation, tokens, clitics, phonetic keys, word frequencies."""
