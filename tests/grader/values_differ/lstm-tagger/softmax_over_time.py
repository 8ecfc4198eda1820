import torch
from torch import nn


class SequenceTagger(nn.Module):
    def __init__(self, vocab_size, embed_dim, hidden_dim, num_tags):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim)
        self.lstm = nn.LSTM(embed_dim, hidden_dim, batch_first=True, bidirectional=True)
        self.fc = nn.Linear(2 * hidden_dim, num_tags)

    def forward(self, x):
        output, _ = self.lstm(self.embedding(x))
        return torch.softmax(self.fc(output), dim=1)
