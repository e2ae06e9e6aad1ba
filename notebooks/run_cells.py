"""Runs every code cell of a notebook in order, in the current directory, without Jupyter.

    python notebooks/run_cells.py notebooks/comparisons.ipynb

The notebook reads the audit output as out/ relative to the working directory. Plots go to the
non-interactive Agg backend. Exits with 1 and names the cell when one fails. The integration tests
(NotebookIT) run the shipped notebook this way against the sample corpus's output.
"""
import json
import sys
import traceback

import matplotlib

matplotlib.use("Agg")


def main(path):
    with open(path, encoding="utf-8") as f:
        notebook = json.load(f)
    scope = {"__name__": "__main__"}
    ran = 0
    for number, cell in enumerate(notebook["cells"], start=1):
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        try:
            exec(compile(source, f"{path} cell {number}", "exec"), scope)
        except Exception:
            print(f"cell {number} failed:\n{source}\n", file=sys.stderr)
            traceback.print_exc()
            return 1
        ran += 1
    print(f"ran {ran} code cells of {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
