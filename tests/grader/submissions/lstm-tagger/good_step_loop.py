# correct: applies the Linear layer one time step at a time and stacks along dim 1
import torch
from torch import nn


class SequenceTagger(nn.Module):
    def __init__(self, vocab_size, embed_dim, hidden_dim, num_tags):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim)
        self.lstm = nn.LSTM(embed_dim, hidden_dim, batch_first=True, bidirectional=True)
        self.hidden2tag = nn.Linear(2 * hidden_dim, num_tags)

    def forward(self, x):
        output, _ = self.lstm(self.embedding(x))
        steps = [self.hidden2tag(output[:, i, :]) for i in range(output.size(1))]
        return torch.stack(steps, dim=1)
