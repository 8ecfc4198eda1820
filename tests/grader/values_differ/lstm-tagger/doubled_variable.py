from torch import nn


class SequenceTagger(nn.Module):
    def __init__(self, vocab_size, embed_dim, hidden_dim, num_tags):
        super().__init__()
        both = 2 * hidden_dim  # forward + backward
        self.embedding = nn.Embedding(vocab_size, embed_dim)
        self.lstm = nn.LSTM(embed_dim, both, batch_first=True, bidirectional=True)
        self.fc = nn.Linear(2 * both, num_tags)

    def forward(self, x):
        output, _ = self.lstm(self.embedding(x))
        return self.fc(output)
