"""The region check tree scrolls to the ticked regions when a record is shown."""

from __future__ import annotations

from explorer.model.entities import Region
from explorer.ui.inspector.widgets import RegionTree


def visible(tree: RegionTree, region_id: str) -> bool:
    rect = tree.visualItemRect(tree._items[region_id])  # noqa: SLF001
    return not rect.isEmpty() and tree.viewport().rect().intersects(rect)


def test_the_first_ticked_region_is_scrolled_into_sight(qtbot):
    tree = RegionTree()
    qtbot.addWidget(tree)
    tree.resize(250, 150)
    tree.show()
    tree.set_regions({f"r{i:02d}": Region(f"r{i:02d}", f"Region {i:02d}") for i in range(40)})
    assert visible(tree, "r00") and not visible(tree, "r30")
    tree.set_checked(("r30", "r31"))
    assert visible(tree, "r30")
    # ticking by hand does not move the view the user is working in
    tree.scrollToTop()
    tree.set_region_checked("r01", True)
    tree.set_checked(tree.checked())
    assert visible(tree, "r00")
