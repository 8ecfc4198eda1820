# mistake: returns a Python list instead of a tensor
def predict_classes(logits):
    return logits.argmax(dim=1).tolist()
