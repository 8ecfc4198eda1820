from torch import nn


class SequenceTagger(nn.Module):
    def __init__(self, vocab_size, embed_dim, hidden_dim, num_tags):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, embed_dim)
        self.rnn = nn.LSTM(
            input_size=embed_dim,
            hidden_size=int(hidden_dim / 2),
            batch_first=True,
            bidirectional=True,
        )
        self.out = nn.Linear(hidden_dim, num_tags)

    def forward(self, x):
        states, _ = self.rnn(self.embed(x))
        return self.out(states)
