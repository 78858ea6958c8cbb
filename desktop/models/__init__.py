"""Qt item models: one per file, named columns and roles, data() never raises."""
