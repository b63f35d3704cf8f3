"""Precision, recall and F1 counts shared by the analysis score tests."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Score:
    """Counts of true positives, false positives and false negatives, with examples."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Share of what we found that the annotation has (1.0 when we found nothing)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of the annotation that we found (1.0 when it has nothing)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0
