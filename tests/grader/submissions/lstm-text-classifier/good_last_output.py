# correct: the last time step of the LSTM output, output[:, -1, :]
import torch.nn as nn


class TextClassifier(nn.Module):
    def __init__(self, vocab_size, embed_dim, hidden_dim, num_classes, pad_idx=0):
        super().__init__()
        self.emb = nn.Embedding(vocab_size, embed_dim, padding_idx=pad_idx)
        self.rnn = nn.LSTM(
            input_size=embed_dim, hidden_size=hidden_dim, num_layers=1, batch_first=True
        )
        self.out = nn.Linear(hidden_dim, num_classes)

    def forward(self, x):
        output, _ = self.rnn(self.emb(x))
        return self.out(output[:, -1, :])
