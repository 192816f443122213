"""The map view without Qt: world shapes, where nodes sit on the map, country fills."""
