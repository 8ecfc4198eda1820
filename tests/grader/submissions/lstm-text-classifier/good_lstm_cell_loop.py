# correct: an nn.LSTMCell stepped over time by hand, the last hidden state classified
import torch
from torch import nn


class TextClassifier(nn.Module):
    def __init__(self, vocab_size, embed_dim, hidden_dim, num_classes, pad_idx=0):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim, padding_idx=pad_idx)
        self.cell = nn.LSTMCell(embed_dim, hidden_dim)
        self.fc = nn.Linear(hidden_dim, num_classes)

    def forward(self, x):
        embedded = self.embedding(x)
        h = embedded.new_zeros(x.size(0), self.cell.hidden_size)
        c = torch.zeros_like(h)
        for t in range(x.size(1)):
            h, c = self.cell(embedded[:, t], (h, c))
        return self.fc(h)
