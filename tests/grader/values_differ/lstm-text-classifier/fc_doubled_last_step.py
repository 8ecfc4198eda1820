from torch import nn


class TextClassifier(nn.Module):
    def __init__(self, vocab_size, embed_dim, hidden_dim, num_classes, pad_idx=0):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim, padding_idx=pad_idx)
        self.lstm = nn.LSTM(embed_dim, hidden_dim, batch_first=True)
        features = hidden_dim * 2
        self.fc = nn.Linear(features, num_classes)

    def forward(self, x):
        output, _ = self.lstm(self.embedding(x))
        return self.fc(output[:, -1, :])
