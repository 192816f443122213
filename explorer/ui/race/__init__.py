"""The bar chart race: bloc and alliance shares by date, beside the canvas and in exports."""
