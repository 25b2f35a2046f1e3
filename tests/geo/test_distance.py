"""Great-circle distance."""

from __future__ import annotations

import pytest

from rashomon.geo.distance import distance_km


def test_a_degree_along_the_equator_is_about_111_km():
    assert distance_km(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.19, abs=0.01)
    assert distance_km(33.51, 36.29, 33.51, 36.29) == 0.0


def test_damascus_and_mosul_are_over_500_km_apart():
    assert 550 < distance_km(33.51, 36.29, 36.34, 43.13) < 700
