from torch import nn


class TextClassifier(nn.Module):
    def __init__(self, vocab_size, embed_dim, hidden_dim, num_classes, pad_idx=0):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim, padding_idx=pad_idx)
        self.lstm = nn.LSTM(
            input_size=embed_dim, hidden_size=hidden_dim, batch_first=True, bidirectional=False
        )
        self.fc = nn.Linear(in_features=2 * hidden_dim, out_features=num_classes)

    def forward(self, x):
        _, (hidden, _cell) = self.lstm(self.embedding(x))
        return self.fc(hidden[-1])
