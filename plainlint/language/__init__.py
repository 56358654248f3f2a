"""What rules ask about language: the spaCy model, pages and sentences, words and
syllables, word frequency, inflection, the glossary, explanations and reading figures.
"""
