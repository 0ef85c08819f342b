"""Controllers: what the user's actions mean.  They own the sessions (the training threads) and
the flows, and import no widget: views draw and ask, workers train."""
