"""The run's outputs, each a handler of the run's events (`contract_tests.events`): the progress
display (stderr), the terminal summary (stdout), Markdown (e.g. the CI job summary) and JUnit XML."""
