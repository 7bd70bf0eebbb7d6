# %% [markdown]
# # The record in pandas
# A notebook-style walk through a store (cells marked `# %%`; runs as a script too):
# `make demo` first (it fills ./dateline.db from this folder), then `python examples/notebook.py`.
# Needs `pip install 'dateline[pandas]'`.

# %%
import sys

import pandas as pd

import dateline

pd.set_option("display.width", 200)
pd.set_option("display.max_columns", 20)

store = dateline.open_store(sys.argv[1] if len(sys.argv) > 1 else "dateline.db")

# %% Launches: one row per happening (not per report), with typed columns
launches = store.events(actor="PRK", cameo="150", since="2019-05", until="2019-10").to_pandas()
print(launches[["day", "precision", "label", "articles", "reports", "n_sources"]])
print(launches.dtypes[["day", "articles", "goldstein", "negated"]])

# %% Per month, counting only what is dated precisely enough for a month
monthly = store.dyads(by="month").to_pandas()
print(monthly.groupby("month")["events"].sum())

# %% Who said what, by any of the speakers' names
quotes = store.quotes(since="2019-08").to_pandas()
print(quotes[["date", "speaker", "speaker_code", "text"]].head())

# %% Series claims checked against the record
claims = store.claims().to_pandas()
print(claims["status"].value_counts())
