"""Ways to show a run's result: the terminal summary, Markdown (CI job summary) and JUnit XML."""
