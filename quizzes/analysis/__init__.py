"""Discourse analysis of a news article: who is speaking in each sentence, on what authority.

``analyze(text)`` labels every passage with one of ``quizzes.labels.LABEL_IDS``. Flask-free.
"""

from .analyzer import analyze
from .result import AnalyzedPassage, Cue

__all__ = ["AnalyzedPassage", "Cue", "analyze"]
