"""Edges grouped by style: every edge once, in its style's group, in model order."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from explorer.scene import styles
from explorer.scene.graph_model import GraphModel


@given(st.lists(st.sampled_from(list(styles.EDGE_STYLES)), max_size=60))
def test_groups_hold_each_edge_of_their_style_in_order(edge_styles):
    m = len(edge_styles)
    edges = np.arange(2 * m, dtype=np.int64).reshape(-1, 2)
    model = GraphModel(keys=[], labels=[], is_hub=np.zeros(0, bool), sizes=np.zeros(0),
                       importance=np.zeros(0), colors=[], faded=np.zeros(0, bool),
                       ghost=np.zeros(0, bool), changed=np.zeros(0, bool),
                       anchors=np.zeros((0, 2)), edges=edges, edge_styles=edge_styles,
                       edge_weights=np.ones(m), legend=[])
    groups = model.edges_by_style()
    # legend order, only the styles present
    assert list(groups) == [s for s in styles.EDGE_STYLES if s in edge_styles]
    for style, pairs in groups.items():
        expected = [edges[e] for e, s in enumerate(edge_styles) if s == style]
        assert np.array_equal(pairs, np.array(expected).reshape(-1, 2))
