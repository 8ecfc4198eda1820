# mistake: no batch_first=True, so the LSTM runs across the batch instead of along the sentence
from torch import nn


class SequenceTagger(nn.Module):
    def __init__(self, vocab_size, embed_dim, hidden_dim, num_tags):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim)
        self.lstm = nn.LSTM(embed_dim, hidden_dim, bidirectional=True)
        self.fc = nn.Linear(2 * hidden_dim, num_tags)

    def forward(self, x):
        output, _ = self.lstm(self.embedding(x))
        return self.fc(output)
