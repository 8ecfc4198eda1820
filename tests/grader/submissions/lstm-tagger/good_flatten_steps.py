# correct: merges batch and time into one dimension for the Linear layer, then splits them again
import torch.nn as nn


class SequenceTagger(nn.Module):
    def __init__(self, vocab_size, embed_dim, hidden_dim, num_tags):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, embed_dim)
        self.bilstm = nn.LSTM(
            embed_dim, hidden_dim, num_layers=1, batch_first=True, bidirectional=True
        )
        self.tag = nn.Linear(hidden_dim * 2, num_tags)

    def forward(self, x):
        n, t = x.shape
        output, _ = self.bilstm(self.embed(x))
        logits = self.tag(output.reshape(n * t, -1))
        return logits.view(n, t, -1)
