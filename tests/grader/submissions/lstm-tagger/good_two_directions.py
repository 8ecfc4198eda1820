# correct: the bidirectional LSTM written as two one-way LSTMs, the backward one on flipped input
import torch
from torch import nn


class SequenceTagger(nn.Module):
    def __init__(self, vocab_size, embed_dim, hidden_dim, num_tags):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim)
        self.forward_lstm = nn.LSTM(embed_dim, hidden_dim, batch_first=True)
        self.backward_lstm = nn.LSTM(embed_dim, hidden_dim, batch_first=True)
        self.fc = nn.Linear(2 * hidden_dim, num_tags)

    def forward(self, x):
        embedded = self.embedding(x)
        ahead, _ = self.forward_lstm(embedded)
        behind, _ = self.backward_lstm(torch.flip(embedded, dims=[1]))
        both = torch.cat([ahead, torch.flip(behind, dims=[1])], dim=-1)
        return self.fc(both)
