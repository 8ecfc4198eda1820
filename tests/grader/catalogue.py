"""The practical tasks of shared/spec/tasks.md: their ids are fixed."""

CATALOGUE = (
    "tensor-reshape",
    "tensor-argmax",
    "tensor-max-position",
    "tensor-fill-row",
    "tensor-standardize",
    "tensor-combine",
    "dataset-custom",
    "dnn-regression",
    "dnn-binary",
    "dnn-multiclass",
    "dnn-batchnorm",
    "cnn-output-size",
    "cnn-fashion",
    "transfer-freeze",
    "text-encode-pad",
    "lstm-text-classifier",
    "lstm-tagger",
    "train-one-epoch",
    "evaluate-accuracy",
)
