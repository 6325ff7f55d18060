"""PLACE layer: gazetteer lookups and geocoding of place mentions (see :mod:`rasid.place.resolve`)."""

from rasid.place.gazetteer import Entry, Gazetteer, load_gazetteer
from rasid.place.resolve import find_places, geocode, place_for_country, to_place

__all__ = ["Entry", "Gazetteer", "load_gazetteer", "find_places", "geocode", "place_for_country", "to_place"]
