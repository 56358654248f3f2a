"""One run of a check: finding files, the engine that checks one file, the runner that
shares files among processes, the results cache, the baseline and the progress bar.
"""
