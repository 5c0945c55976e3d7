"""Search: one lunr index per language, with a text pipeline shared by Python (build) and JavaScript (query)."""
