"""Layout variants of the sample reports, generated from each sample and scored against its gold."""
