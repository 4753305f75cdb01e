"""Draws icons/source.png, the one image every app icon size is generated from
(`npx tauri icon icons/source.png -o icons`). Run once when the design changes; needs Pillow."""
from PIL import Image, ImageDraw

SIZE = 1024
img = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
d = ImageDraw.Draw(img)
# A calm teal tile with soft corners.
d.rounded_rectangle((64, 64, SIZE - 64, SIZE - 64), radius=200, fill=(36, 94, 96, 255))
# A speech bubble: the words...
d.rounded_rectangle((200, 230, 824, 640), radius=120, fill=(250, 246, 238, 255))
d.polygon([(330, 620), (300, 780), (470, 630)], fill=(250, 246, 238, 255))
# ...and the lines of text inside it, the last one short: an afterword.
for i, (x2, y) in enumerate([(724, 340), (724, 430), (560, 520)]):
    d.rounded_rectangle((300, y - 22, x2, y + 22), radius=22, fill=(36, 94, 96, 255))
# A small warm dot: what followed.
d.ellipse((700, 680, 820, 800), fill=(240, 170, 90, 255))
img.save("icons/source.png")
