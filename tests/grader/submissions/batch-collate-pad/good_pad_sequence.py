# correct: nn.utils.rnn.pad_sequence with batch_first=True and padding_value
import torch
from torch.nn.utils.rnn import pad_sequence


def collate_pad(batch, pad_id=0):
    sequences = [tokens for tokens, _ in batch]
    padded = pad_sequence(sequences, batch_first=True, padding_value=pad_id)
    lengths = torch.tensor([len(s) for s in sequences])
    labels = torch.tensor([label for _, label in batch])
    return padded, lengths, labels
