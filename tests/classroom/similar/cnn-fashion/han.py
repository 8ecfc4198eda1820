import torch.nn as nn
import torch.nn.functional as F


class CNN(nn.Module):
    def __init__(self, num_classes=10):
        super(CNN, self).__init__()
        self.layer1 = nn.Conv2d(1, 32, 3, padding=1)
        self.layer2 = nn.Conv2d(32, 64, 3, padding=1)
        self.linear1 = nn.Linear(7 * 7 * 64, 128)
        self.linear2 = nn.Linear(128, num_classes)

    def forward(self, x):
        h = F.relu(self.layer1(x))
        h = F.max_pool2d(h, kernel_size=2)
        h = F.relu(self.layer2(h))
        h = F.max_pool2d(h, kernel_size=2)
        h = h.flatten(1)
        h = F.relu(self.linear1(h))
        return self.linear2(h)
